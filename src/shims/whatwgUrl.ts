// node-fetch 2 reads `URL` from Node's `url` module first and from `whatwg-url` only when Node
// lacks it, which no supported Node does. The bundle maps `whatwg-url` here, so its 260 KB
// Unicode table stays out of the extension bundle.
export { URL } from 'node:url';
