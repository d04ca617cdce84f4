export * from './errors.ts';
export * from './validation.ts';
export * from './ids.ts';
export * from './address.ts';
