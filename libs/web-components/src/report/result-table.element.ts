import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles.js';
import { compareCells, formatCell, isNumericType, type Cell, type ResultColumn } from './cell-format.js';

type SortDirection = 'ascending' | 'descending';

/**
 * A result as a real, sortable `<table>`: a header row of buttons (click or
 * Enter to sort), pages of `page-size` rows, NULL as an empty cell, numbers
 * right-aligned and formatted for the viewer's locale. Cells are text, never HTML.
 *
 * @csspart table - the table
 * @csspart pager - the page buttons and position
 * @cssprop --redwire-table-stripe - background of every other row
 * @cssprop --redwire-border-color - cell borders
 */
@customElement('redwire-result-table')
export class RedwireResultTableElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3em 0.6em;
        border-bottom: 1px solid var(--redwire-border-color, #d0d7de);
        text-align: left;
      }
      tbody tr:nth-child(even) {
        background: var(--redwire-table-stripe, #f6f8fa);
      }
      .num {
        text-align: right;
      }
      th button {
        background: none;
        border: none;
        color: inherit;
        font-weight: 700;
        padding: 0;
      }
      .pager {
        display: flex;
        gap: 0.5em;
        align-items: center;
        margin-top: 0.5em;
      }
    `,
  ];

  @property({ attribute: false }) columns: ResultColumn[] = [];
  @property({ attribute: false }) rows: Cell[][] = [];
  /** Rows per page (at least 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Accessible caption of the table. */
  @property() caption = 'Result';

  @state() private _sortColumn = -1;
  @state() private _sortDirection: SortDirection = 'ascending';
  @state() private _page = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rows') || changed.has('columns')) {
      this._page = 0;
      if (changed.has('columns')) this._sortColumn = -1;
    }
  }

  private get _size(): number {
    return Math.max(50, Math.floor(this.pageSize) || 50);
  }

  private _sorted(): Cell[][] {
    const index = this._sortColumn;
    const column = this.columns[index];
    if (column === undefined) return this.rows;
    const sign = this._sortDirection === 'ascending' ? 1 : -1;
    return [...this.rows].sort((a, b) => sign * compareCells(a[index] ?? null, b[index] ?? null, column));
  }

  private _sortBy(index: number): void {
    this._sortDirection = this._sortColumn === index && this._sortDirection === 'ascending' ? 'descending' : 'ascending';
    this._sortColumn = index;
    this._page = 0;
  }

  override render() {
    const pages = Math.max(1, Math.ceil(this.rows.length / this._size));
    const page = Math.min(this._page, pages - 1);
    const visible = this._sorted().slice(page * this._size, (page + 1) * this._size);
    const numeric = this.columns.map((column) => isNumericType(column.type));
    return html`<div class="scroll">
        <table part="table">
          <caption class="visually-hidden">${this.caption}</caption>
          <thead>
            <tr>
              ${this.columns.map(
                (column, index) =>
                  html`<th scope="col" class=${numeric[index] ? 'num' : ''} aria-sort=${this._sortColumn === index ? this._sortDirection : 'none'}>
                    <button type="button" @click=${() => this._sortBy(index)}>
                      ${column.name}<span aria-hidden="true">${this._sortColumn === index ? (this._sortDirection === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${visible.map(
              (row) =>
                html`<tr>
                  ${this.columns.map((column, index) => html`<td class=${numeric[index] ? 'num' : ''}>${formatCell(row[index] ?? null, column)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pages > 1
        ? html`<div class="pager" part="pager">
            <button type="button" class="secondary" ?disabled=${page === 0} @click=${() => (this._page = page - 1)}>Previous page</button>
            <span>Page ${page + 1} of ${pages}</span>
            <button type="button" class="secondary" ?disabled=${page >= pages - 1} @click=${() => (this._page = page + 1)}>Next page</button>
          </div>`
        : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-result-table': RedwireResultTableElement;
  }
}
