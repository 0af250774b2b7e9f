// Runs before the app's modules. Zod compiles object schemas with `new Function` when it may, and probes for
// that as soon as the first schema is built; the app's CSP allows no eval and reports even the probe. Zod 4
// reads its global config (what `z.config()` sets) from this object when it loads, so `jitless` must be set
// here: the shared schemas are built while the modules load, before any code of main.tsx could call z.config.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
