import { describe, expect, it } from "vitest";
import {
  activityQuery,
  attestationsQuery,
  badgeQuery,
  compareQuery,
  leaderboardQuery,
  modelsQuery,
  parseParams,
  pathParams,
} from "../../../lib/api/queries";

const parse = (schema: Parameters<typeof parseParams>[0], query: string) =>
  parseParams(schema, new URLSearchParams(query));

describe("query schemas", () => {
  it("fill in the defaults and normalise values", () => {
    expect(
      parse(leaderboardQuery, "kind=pretraining,,Inference&region=fr,us-ca&task=LLM&trust=meter"),
    ).toEqual({
      ok: true,
      value: {
        sort: "intensity",
        basis: "location",
        include: "final",
        kind: ["PRETRAINING", "INFERENCE"],
        region: ["FR", "US-CA"],
        task: ["llm"],
        trust: ["METER"],
        page: 1,
        pageSize: 50,
      },
    });
    // An empty list is no filter (the client sends kind= for an empty selection).
    expect(parse(leaderboardQuery, "kind=")).toMatchObject({ ok: true, value: { kind: undefined } });
    expect(parse(attestationsQuery, "status=FINAL&model=3")).toEqual({
      ok: true,
      value: { status: ["FINAL"], model: 3n, page: 1, pageSize: 50 },
    });
    expect(parse(activityQuery, "")).toEqual({ ok: true, value: { limit: 20 } });
    expect(parse(compareQuery, "ids=2&ids=1")).toEqual({ ok: true, value: { ids: [2n, 1n] } });
    expect(parseParams(pathParams.badge, { id: "7.svg" })).toEqual({ ok: true, value: { id: 7n } });
  });

  it("answer a bad value with the sentence naming the parameter and what is allowed", () => {
    const cases: Array<[ReturnType<typeof parse>, string, string]> = [
      [
        parse(leaderboardQuery, "include=all"),
        "include",
        'include must be final, verified or self-reported, not "all".',
      ],
      [parse(leaderboardQuery, "order=up"), "order", 'order must be asc or desc, not "up".'],
      [
        parse(leaderboardQuery, "kind=TRAINING"),
        "kind",
        'kind must be PRETRAINING, FINETUNING or INFERENCE (comma-separated), got "TRAINING"',
      ],
      [
        parse(leaderboardQuery, "size=huge"),
        "size",
        'size must be one of small, medium, large, frontier (comma-separated), got "huge"',
      ],
      [
        parse(leaderboardQuery, "region=california"),
        "region",
        'region must be an ISO 3166 code such as FR or US-CA, got "CALIFORNIA"',
      ],
      [
        parse(leaderboardQuery, "trust=GUESS"),
        "trust",
        'trust must be METER, SOFTWARE or ESTIMATE (comma-separated), got "GUESS"',
      ],
      [
        parse(leaderboardQuery, "pageSize=101"),
        "pageSize",
        'pageSize must be an integer in 1..100, got "101"',
      ],
      [parse(leaderboardQuery, "format=xml"), "format", 'format must be json or csv, got "xml"'],
      [parse(modelsQuery, "owner=0xAB"), "owner", 'owner must be a 20-byte address, got "0xab"'],
      [parse(modelsQuery, "page=0"), "page", 'page must be an integer >= 1, got "0"'],
      [parse(modelsQuery, "sort=id"), "sort", 'unknown parameter "sort"; allowed: page, pageSize, owner, q'],
      [
        parse(attestationsQuery, "status=SUBMITTED,LOST"),
        "status",
        'status "LOST" is not one of SUBMITTED, VERIFIED, DISPUTED, REJECTED, WITHDRAWN, INVALIDATED, SUPERSEDED, FINAL',
      ],
      [parse(activityQuery, "model=abc"), "model", 'model must be a positive integer model id, got "abc"'],
      [parse(badgeQuery, "include=all"), "include", 'include must be final or verified, got "all"'],
      [
        parse(compareQuery, ""),
        "ids",
        "ids is required: give 2 to 4 model ids separated by commas, such as ids=1,2,3.",
      ],
      [parse(compareQuery, "ids=1,1"), "ids", "ids lists the same model twice: give each model once."],
      [
        parseParams(pathParams.attestationId, { id: "0x1234" }),
        "id",
        'id must be an attestation id: 0x followed by 64 hexadecimal digits, got "0x1234"',
      ],
    ];
    for (const [result, param, message] of cases) expect(result).toEqual({ ok: false, param, message });
  });

  it("name an unknown parameter first, whatever else is wrong", () => {
    expect(parse(compareQuery, "ids=1&sort=name")).toEqual({
      ok: false,
      param: "sort",
      message: '"sort" is not a compare parameter: use ids, such as ids=1,2,3.',
    });
    const unknown = parse(leaderboardQuery, "include=all&colour=red");
    expect(unknown).toMatchObject({ ok: false, param: "colour" });
    expect(unknown.ok || unknown.message).toMatch(
      /^"colour" is not a leaderboard parameter: use sort, .* and format\.$/,
    );
  });
});
