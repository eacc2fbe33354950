// The API's contract in tests: every JSON answer a test reads is checked against the schema of its
// route (lib/api/routes.ts), so an answer that drifts from lib/api/answers.ts fails the test that
// saw it; and the OpenAPI document is checked to be valid OpenAPI 3.1 covering every route.
import { isDeepStrictEqual } from "node:util";
import { Validator } from "@seriousme/openapi-schema-validator";
import * as z from "zod";
import { apiError } from "../../lib/api/answers";
import { ROUTES, routeOf } from "../../lib/api/routes";

/** Paths of `value` (an answer) that `parsed` (what the schema kept) lacks: fields the schema does not know. */
function unknownFields(value: unknown, parsed: unknown, at = ""): string[] {
  if (Array.isArray(value) && Array.isArray(parsed))
    return value.flatMap((v, i) => unknownFields(v, parsed[i], `${at}[${i}]`));
  if (value && parsed && typeof value === "object" && typeof parsed === "object") {
    return Object.entries(value).flatMap(([key, v]) =>
      key in parsed
        ? unknownFields(v, (parsed as Record<string, unknown>)[key], `${at}.${key}`)
        : [`${at}.${key}`],
    );
  }
  return [];
}

/** Whether `url` is a route of the public API (lib/api/routes.ts). */
export function isApiAnswer(url: string): boolean {
  return routeOf(new URL(url).pathname) !== undefined;
}

/**
 * Throws when `body` (the JSON answer of `url` with `status`) does not match its route's schema:
 * a missing or mistyped field, or a field the schema does not declare. Routes outside /api/v1
 * (and non-JSON answers) are not checked.
 */
export function checkAnswer(url: string, status: number, body: unknown): void {
  const pathname = new URL(url).pathname;
  const route = routeOf(pathname);
  if (!route || typeof body !== "object" || body === null) return;
  const schema = status === 200 ? route.answer : apiError;
  if (typeof schema === "string") return;
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(
      `GET ${pathname} (${status}) does not match its schema in lib/api:\n${z.prettifyError(result.error)}`,
    );
  if (!isDeepStrictEqual(result.data, body))
    throw new Error(
      `GET ${pathname} (${status}) has fields its schema in lib/api does not declare: ${unknownFields(body, result.data).join(", ")}`,
    );
}

/** The parts of an OpenAPI document these checks read. */
export interface OpenApiDoc {
  paths: Record<
    string,
    | {
        get: {
          parameters: Array<{
            name: string;
            in: string;
            schema: { enum?: string[]; items?: { enum?: string[] } };
          }>;
          responses: Record<string, unknown>;
        };
      }
    | undefined
  >;
}

/**
 * Problems of an OpenAPI document: not valid OpenAPI 3.1 (its official JSON schema), a route of
 * lib/api/routes.ts without its path, a parameter of a route's schema missing, or an enum-valued
 * parameter without its allowed values.
 */
export async function openApiProblems(document: unknown): Promise<string[]> {
  const doc = document as OpenApiDoc;
  const problems: string[] = [];
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  if (!result.valid) problems.push(`not valid OpenAPI: ${JSON.stringify(result.errors).slice(0, 2000)}`);
  if (validator.version !== "3.1") problems.push(`OpenAPI version ${validator.version}, expected 3.1`);
  for (const route of ROUTES) {
    const operation = doc.paths?.[route.path]?.get;
    if (!operation) {
      problems.push(`no GET ${route.path}`);
      continue;
    }
    for (const status of ["200", ...route.errors.map(String), "503"])
      if (!operation.responses?.[status]) problems.push(`GET ${route.path} lacks its ${status} answer`);
    const declared = new Set(operation.parameters.map((p) => p.name));
    for (const name of [
      ...Object.keys(route.params?.shape ?? {}),
      ...Object.keys(route.query?.shape ?? {}),
    ]) {
      if (!declared.has(name)) problems.push(`GET ${route.path} lacks parameter ${name}`);
    }
  }
  return problems;
}

/** The allowed values OpenAPI lists for a parameter (an enum, or the enum of a list's items). */
export function enumOf(document: unknown, path: string, name: string): string[] | undefined {
  const parameter = (document as OpenApiDoc).paths[path]?.get.parameters.find((p) => p.name === name);
  return parameter?.schema.enum ?? parameter?.schema.items?.enum;
}
