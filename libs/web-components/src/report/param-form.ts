import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ParamField } from './param-fields.js';

const attr = (value: string | number | undefined) => ifDefined(value === undefined ? undefined : String(value));

/** One labelled input per parameter; native constraint validation enforces ranges and patterns. */
export function renderParamField(field: ParamField, idPrefix: string): TemplateResult {
  const id = `${idPrefix}-${field.name}`;
  switch (field.kind) {
    case 'month':
    case 'date':
      return html`<div class="field">
        <label for=${id}>${field.label}</label>
        <input id=${id} name=${field.name} type=${field.kind} ?required=${field.required} min=${attr(field.min)} max=${attr(field.max)} .value=${field.initial} />
      </div>`;
    case 'integer':
    case 'number':
      return html`<div class="field">
        <label for=${id}>${field.label}</label>
        <input
          id=${id}
          name=${field.name}
          type="number"
          step=${field.kind === 'integer' ? '1' : 'any'}
          ?required=${field.required}
          min=${attr(field.min)}
          max=${attr(field.max)}
          .value=${field.initial}
        />
      </div>`;
    case 'enum':
      return html`<div class="field">
        <label for=${id}>${field.label}</label>
        <select id=${id} name=${field.name} ?required=${field.required}>
          ${field.options.map((option) => html`<option value=${option.value} ?selected=${option.value === field.initial}>${option.label}</option>`)}
        </select>
      </div>`;
    case 'text':
      return html`<div class="field">
        <label for=${id}>${field.label}</label>
        <input
          id=${id}
          name=${field.name}
          type="text"
          ?required=${field.required}
          minlength=${attr(field.minLength)}
          maxlength=${attr(field.maxLength)}
          pattern=${attr(field.pattern)}
          .value=${field.initial}
        />
      </div>`;
    case 'date-range':
      return html`<fieldset class="field">
        <legend>${field.label}</legend>
        <label for=${`${id}-from`}>From</label>
        <input id=${`${id}-from`} name=${`${field.name}.from`} type="date" ?required=${field.required} min=${attr(field.min)} max=${attr(field.max)} .value=${field.initial.from} />
        <label for=${`${id}-to`}>To</label>
        <input id=${`${id}-to`} name=${`${field.name}.to`} type="date" ?required=${field.required} min=${attr(field.min)} max=${attr(field.max)} .value=${field.initial.to} />
      </fieldset>`;
  }
}

export function renderParamFields(fields: readonly ParamField[], idPrefix: string): TemplateResult | typeof nothing {
  return fields.length === 0 ? nothing : html`${fields.map((field) => renderParamField(field, idPrefix))}`;
}
