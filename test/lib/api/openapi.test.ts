import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../../lib/api/openapi";
import { ROUTES } from "../../../lib/api/routes";
import { COUNTINGS, FILTER_STATUSES, KIND_NAMES_LIST, SORT_COLUMNS } from "../../../lib/api/vocabulary";
import { enumOf, type OpenApiDoc, openApiProblems } from "../../indexer/apiContract";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is valid OpenAPI 3.1 with every route, its parameters and its answers", async () => {
    expect(await openApiProblems(doc)).toEqual([]);
    expect(ROUTES.length).toBeGreaterThanOrEqual(16);
  });

  it("lists the allowed values of enum parameters, from the vocabulary", () => {
    expect(enumOf(doc, "/api/v1/leaderboard", "sort")).toEqual([...SORT_COLUMNS]);
    expect(enumOf(doc, "/api/v1/leaderboard", "include")).toEqual([...COUNTINGS]);
    expect(enumOf(doc, "/api/v1/leaderboard", "kind")).toEqual([...KIND_NAMES_LIST]);
    expect(enumOf(doc, "/api/v1/attestations", "status")).toEqual([...FILTER_STATUSES]);
    expect(enumOf(doc, "/api/v1/badge/{id}.svg", "include")).toEqual(["final", "verified"]);
  });

  it("finds a broken document: a route missing, a parameter missing, or invalid OpenAPI", async () => {
    const broken = structuredClone(doc) as unknown as OpenApiDoc;
    delete broken.paths["/api/v1/stats"];
    const models = broken.paths["/api/v1/models"]?.get;
    if (models) models.parameters = models.parameters.filter((p) => p.name !== "owner");
    const activity = broken.paths["/api/v1/activity"]?.get.parameters[0];
    if (activity) activity.in = "body";
    const problems = await openApiProblems(broken);
    expect(problems.join("\n")).toMatch(/no GET \/api\/v1\/stats/);
    expect(problems.join("\n")).toMatch(/GET \/api\/v1\/models lacks parameter owner/);
    expect(problems.join("\n")).toMatch(/not valid OpenAPI/);
  });
});
