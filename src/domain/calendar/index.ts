export * from './production-calendar.js';
export * from './zoned-time.js';
