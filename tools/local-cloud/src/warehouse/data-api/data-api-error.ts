/** An error the stand-in answers as AWS does: `__type`, a message, the HTTP status and `x-amzn-ErrorType`. */
export class DataApiError extends Error {
  constructor(
    readonly type: string,
    readonly httpStatus: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }

  body(): Record<string, unknown> {
    return { __type: this.type, message: this.message, Message: this.message, ...this.extra };
  }
}

export const validation = (message: string): DataApiError => new DataApiError('ValidationException', 400, message);

export const notFound = (message: string, resourceId: string): DataApiError =>
  new DataApiError('ResourceNotFoundException', 404, message, { ResourceId: resourceId });

export const serialization = (message: string): DataApiError => new DataApiError('SerializationException', 400, message);

export const unknownOperation = (target: string): DataApiError =>
  new DataApiError('UnknownOperationException', 400, `Unknown operation ${target || '(no X-Amz-Target header)'}`);

export const tooLarge = (limit: number): DataApiError =>
  new DataApiError('RequestEntityTooLargeException', 413, `Request body is larger than ${limit} bytes`);
