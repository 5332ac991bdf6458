const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of the ids the API gives accounts and runs (a UUID); checked before asking. */
export const isUuid = (value: string): boolean => uuidPattern.test(value);
