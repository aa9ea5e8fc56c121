import { describe, expect, it } from "vitest";
import { gateGroups, rankGroupsForRequest, scoreBest, type GroupFacts } from "~/.server/matching/score";
import { generateWorld, groupFactsOf, requestFactsOf } from "../support/match-world";

// The database side reads group records only for the groups that can still be among the best;
// that must never change who is in the top of the ranking, or in what order.

const world = generateWorld({ seed: 31, groups: 200, requests: 80 });

/** The groups as the gates see them: records not read yet (no orders, ratings or chances). */
function withoutRecords(group: GroupFacts): GroupFacts {
  return {
    ...group,
    completedOrders: 0,
    onTimeOrders: 0,
    ratingAverage: null,
    ratingCount: 0,
    recentInvites: 0,
  };
}

describe("reading records only for the groups that can still be among the best", () => {
  it("gives the same top groups, in the same order, as scoring every group that passed", async () => {
    const complete = world.groups.map((group) => groupFactsOf(group));
    const recordOf = new Map(complete.map((group) => [group.id, group]));
    let passedTotal = 0;
    let readTotal = 0;
    for (const request of world.requests) {
      const facts = requestFactsOf(request);
      const full = rankGroupsForRequest(facts, complete, world.now).matches.map((m) => [m.groupId, m.score]);
      for (const count of [1, 5, 20]) {
        const { passed } = gateGroups(facts, complete.map(withoutRecords), world.now);
        const read = new Set<string>();
        const top = await scoreBest(
          passed,
          count,
          async (groups) => {
            for (const group of groups) {
              expect(read.has(group.id), "a group's records are read once").toBe(false);
              read.add(group.id);
              Object.assign(group, recordOf.get(group.id));
            }
          },
          world.now,
        );
        passedTotal += passed.length;
        readTotal += read.size;
        expect(
          top.slice(0, count).map((m) => [m.groupId, m.score]),
          `${request.title} top ${count}`,
        ).toEqual(full.slice(0, count));
      }
    }
    // It must also leave groups unread, or it saves nothing.
    expect(readTotal).toBeLessThan(passedTotal * 0.6);
  });

  it("reads and lists the groups the buyer invited even when they score low", async () => {
    const complete = world.groups.map((group) => groupFactsOf(group));
    const request = world.requests.find((r) => {
      const { passed } = gateGroups(requestFactsOf(r), complete, world.now);
      return passed.length > 10;
    });
    if (!request) throw new Error("the generated world has no request with more than 10 groups");
    const facts = requestFactsOf(request);
    const full = rankGroupsForRequest(facts, complete, world.now).matches;
    const last = full[full.length - 1] as (typeof full)[number];
    const { passed } = gateGroups(facts, complete.map(withoutRecords), world.now);
    const recordOf = new Map(complete.map((group) => [group.id, group]));
    const top = await scoreBest(
      passed,
      3,
      async (groups) => {
        for (const group of groups) Object.assign(group, recordOf.get(group.id));
      },
      world.now,
      new Set([last.groupId]),
    );
    expect(top.map((m) => m.groupId)).toContain(last.groupId);
    expect(top.find((m) => m.groupId === last.groupId)?.score).toBe(last.score);
  });
});
