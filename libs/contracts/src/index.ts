export * from './errors';
export * from './common';
export * from './auth';
export * from './programs';
export * from './sessions';
export * from './trainee';
export * from './indicators';
export * from './plan';
