/**
 * The router of the reference backend: path templates such as
 * `/procedures/{code}` (the syntax of the contract's `endpoints` table and
 * of OpenAPI), matched against a request's path, with the methods a path
 * takes for the `Allow` header of a 405 and of an `OPTIONS` answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './replies.js';

/** What a route handler receives. */
export interface RouteRequest {
  /** Path parameters, already percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /**
   * Reads and parses the JSON body (415, 413 or 400 when it is not one,
   * json-body.ts). A route reads it once it has checked what comes first:
   * that the caller may ask at all.
   */
  readBody(): Promise<unknown>;
  /** Request headers, names in lower case. */
  headers: IncomingHttpHeaders;
  /** The client's address, for rate limits (the socket's; see `trustProxy` in app.ts). */
  clientAddress: string;
}

export type RouteHandler = (request: RouteRequest) => Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  paramNames: string[];
  handler: RouteHandler;
}

export type RouteMatch =
  | { handler: RouteHandler; params: Record<string, string> }
  /** The path exists but not for this method: answer 405 with `Allow`. */
  | { allowedMethods: string[] };

/** Turns `/forms/{id}.rtf` into a regular expression with one group per `{param}`. */
function compileTemplate(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const param = /^\{([a-zA-Z]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      paramNames.push(param[1]!);
      return '([^/]+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RouteHandler): void {
    this.routes.push({ method, handler, ...compileTemplate(template) });
  }

  /**
   * What a resource takes, for the `Allow` header of an `OPTIONS` answer:
   * the methods of the routes of `pathname` (relative to the router's
   * base), HEAD with GET, and OPTIONS; undefined for an unknown path.
   */
  allow(pathname: string): string | undefined {
    const methods = this.routes.filter((route) => route.pattern.test(pathname)).map((route) => route.method);
    if (methods.length === 0) return undefined;
    const withHead = methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]));
    return [...new Set([...withHead, 'OPTIONS'])].join(', ');
  }

  /** Finds the route for `pathname` (relative to the router's base); undefined for an unknown path. */
  match(method: string, pathname: string): RouteMatch | undefined {
    const allowedMethods: string[] = [];
    for (const route of this.routes) {
      const groups = route.pattern.exec(pathname);
      if (!groups) continue;
      // HEAD is GET without the body; node:http drops the body by itself.
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) {
        allowedMethods.push(route.method);
        continue;
      }
      const values = groups.slice(1).map((value) => decode(value));
      // Undecodable percent-escapes cannot name anything we have.
      if (values.some((value) => value === undefined)) return undefined;
      return {
        handler: route.handler,
        params: Object.fromEntries(route.paramNames.map((name, i) => [name, values[i]!])),
      };
    }
    return allowedMethods.length > 0 ? { allowedMethods } : undefined;
  }
}
