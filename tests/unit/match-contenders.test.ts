import { describe, expect, it } from "vitest";
import { contenders, gateGroups, rankGroupsForRequest, scoreGated } from "~/.server/matching/score";
import { generateWorld, groupFactsOf, requestFactsOf } from "../support/match-world";

// The database side reads group records only for the contenders; that must never change who is in
// the top of the ranking, or in what order.

const world = generateWorld({ seed: 31, groups: 200, requests: 80 });

describe("scoring only the contenders", () => {
  it("gives the same top groups, in the same order, as scoring every group that passed", () => {
    const groups = world.groups.map((group) => groupFactsOf(group));
    let pruned = 0;
    for (const request of world.requests) {
      const facts = requestFactsOf(request);
      const full = rankGroupsForRequest(facts, groups, world.now).matches.map((m) => [m.groupId, m.score]);
      for (const count of [1, 5, 20]) {
        const { passed } = gateGroups(facts, groups, world.now);
        const few = contenders(passed, count);
        pruned += passed.length - few.length;
        const top = scoreGated(few, world.now)
          .slice(0, count)
          .map((m) => [m.groupId, m.score]);
        expect(top, `${request.title} top ${count}`).toEqual(full.slice(0, count));
      }
    }
    // It must also leave groups out, or it saves nothing.
    expect(pruned).toBeGreaterThan(0);
  });
});
