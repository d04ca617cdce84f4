export { createContext, type AppContext } from './context.ts';
export { seedDemoIfEmpty, seedDemo, resetDemo, demoBanner, registerDemoSeeder, type DemoSeeder } from './demo.ts';
