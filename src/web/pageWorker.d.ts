declare module "page-worker-source" {
  const source: string;
  export default source;
}
