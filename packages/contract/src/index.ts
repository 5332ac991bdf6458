export * from './errors';
export * from './auth';
export * from './system';
export * from './accounts';
export * from './ebay-calls';
export * from './sync';
