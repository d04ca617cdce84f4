#!/usr/bin/env node
// `npm run dev`: the API server under `tsx watch` (restarts on change) and Vite's dev server with hot reload,
// which proxies /api (HTTP and WebSocket) to the API server. Open http://localhost:5173.
import { spawn } from 'node:child_process';

const procs = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'bin/salesgym.mjs', 'start', '--no-web'], { stdio: 'inherit' }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => procs.forEach((p) => p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
