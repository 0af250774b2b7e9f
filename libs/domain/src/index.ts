export * from './fiscal-year';
export * from './scoring';
export * from './indicators';
export * from './thai-name';
export * from './gift';
