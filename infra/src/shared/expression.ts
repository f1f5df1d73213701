/** A raw Terraform expression in JSON syntax: `${…}` evaluates to the expression's own value and type. */
export function expr(expression: string): string {
  return `\${${expression}}`;
}
