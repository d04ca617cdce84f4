export * from './taxonomy.ts';
export * from './types.ts';
