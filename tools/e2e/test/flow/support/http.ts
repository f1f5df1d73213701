/** GET against the HTTP API with `Authorization: Bearer <token>` (or none). */
export async function get(base: string, path: string, token: string | undefined): Promise<{ status: number; body: unknown; text: string; contentType: string }> {
  const response = await fetch(`${base}${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, text, contentType, body: contentType.includes('json') ? (JSON.parse(text) as unknown) : undefined };
}
