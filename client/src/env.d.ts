// Replaced at build time by webpack (optimization.nodeEnv).
declare const process: { env: { NODE_ENV: 'production' | 'development' | string } };

declare module '*.css';
