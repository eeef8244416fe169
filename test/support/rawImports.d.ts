/** Vite (and so Vitest) gives a file imported with `?raw` as its text. */
declare module '*?raw' {
  const text: string;
  export default text;
}
