export * from './tenancy';
export * from './workflows';
export * from './billing';
export * from './growth';
export * from './ops';
export * from './reporting';
export * from './ai';
export * from './usage';
