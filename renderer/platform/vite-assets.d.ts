// Vite turns `?url` imports into the URL of the emitted asset (used for pdf.js's worker).
declare module '*?url' {
  const url: string;
  export default url;
}
