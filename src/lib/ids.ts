const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a row id (a UUID): checked before it reaches a uuid column or a page query. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
