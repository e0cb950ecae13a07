/**
 * The part of jsdom (a dev dependency, which ships no types) that the bench and the
 * budget test use: parse a page, scripts off (jsdom's default), and query it.
 */
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
