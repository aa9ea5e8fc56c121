import { describe, expect, it } from "vitest";
import { db } from "~/.server/db/client";
import { openFollowUps } from "~/.server/meetings/meetings";
import { loader as listLoader } from "~/routes/tkm.rapat._index";
import { action as newAction, loader as newLoader } from "~/routes/tkm.rapat.baru";
import { loader as minutesLoader } from "~/routes/tkm.rapat.$id";
import { wibDateKey } from "~/utils/delivery";
import { createTkmOfficer, createUser, createWorld } from "../helpers/factories";
import { callAction, callLoader, jsonOf, request, statusOf } from "../helpers/requests";

const DAY = 24 * 60 * 60 * 1000;
const dayFrom = (days: number) => wibDateKey(new Date(Date.now() + days * DAY));
let keys = 0;
const newKey = () => `meeting-key-${Date.now()}-${++keys}`;

function meetingForm(overrides: Record<string, string> = {}) {
  return {
    formKey: newKey(),
    date: dayFrom(0),
    place: "Balai Desa Jayagiri",
    attendees: "Nining Rusmini\nAgus Supriatna\n\n  Euis Komalasari  ",
    notes: "Membahas pesanan hotel bulan depan.",
    decisions: "Ajukan P-IRT untuk dodol susu\nKumpulkan data anggota",
    ...overrides,
  };
}

const post = async (userId: string, form: Record<string, string>) =>
  callAction(newAction, await request("/tkm/rapat/baru", { userId, form }));

type Agenda = { id: string; text: string; overdue: boolean }[];

async function agendaOf(userId: string): Promise<Agenda> {
  const page = (await callLoader(newLoader, await request("/tkm/rapat/baru", { userId }))) as {
    agenda: Agenda;
  };
  return page.agenda;
}

function meetingIdOf(result: unknown): string {
  const location = (result as Response).headers.get("Location") ?? "";
  return location.split("/").pop()?.split("?")[0] ?? "";
}

describe("TKM meetings and their follow-ups", () => {
  it("carries open follow-ups to the next meeting's agenda until one closes them with a note", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.districtA.id);
    const first = await post(
      tkm.officer.id,
      meetingForm({
        date: dayFrom(-20),
        "followUps[0].text": "Daftarkan P-IRT dodol susu",
        "followUps[0].owner": "Agus",
        "followUps[0].dueOn": dayFrom(-5),
        "followUps[0].groupId": world.home.group.id,
        "followUps[2].text": "Hubungi DKUKM soal pameran",
        "followUps[2].owner": "Nining",
        "followUps[2].dueOn": dayFrom(10),
      }),
    );
    expect(statusOf(first)).toBe(302);
    const firstId = meetingIdOf(first);
    const meeting = await db.tkmMeeting.findUniqueOrThrow({
      where: { id: firstId },
      select: {
        attendees: true,
        attendeeCount: true,
        decisions: { select: { text: true }, orderBy: { sortOrder: "asc" } },
      },
    });
    expect(meeting.attendeeCount).toBe(3);
    expect(meeting.attendees).toBe("Nining Rusmini\nAgus Supriatna\nEuis Komalasari");
    expect(meeting.decisions.map((d) => d.text)).toEqual([
      "Ajukan P-IRT untuk dodol susu",
      "Kumpulkan data anggota",
    ]);

    const agenda = await agendaOf(tkm.officer.id);
    expect(agenda.map((item) => [item.text, item.overdue])).toEqual([
      ["Daftarkan P-IRT dodol susu", true],
      ["Hubungi DKUKM soal pameran", false],
    ]);

    const overdue = agenda[0]?.id ?? "";
    const noNote = await post(
      tkm.officer.id,
      meetingForm({ "agenda[0].id": overdue, "agenda[0].done": "on" }),
    );
    expect(statusOf(noNote)).toBe(400);
    expect((await jsonOf(noNote)).error?.["agenda[0].note"]).toBeTruthy();

    const second = await post(
      tkm.officer.id,
      meetingForm({
        "agenda[0].id": overdue,
        "agenda[0].done": "on",
        "agenda[0].note": "Sertifikat P-IRT sudah keluar",
        "agenda[1].id": agenda[1]?.id ?? "",
      }),
    );
    expect(statusOf(second)).toBe(302);
    const after = await agendaOf(tkm.officer.id);
    expect(after.map((item) => item.text)).toEqual(["Hubungi DKUKM soal pameran"]);
    const closed = await db.followUp.findUniqueOrThrow({
      where: { id: overdue },
      select: { doneAt: true, doneNote: true },
    });
    expect(closed.doneAt).not.toBeNull();
    expect(closed.doneNote).toBe("Sertifikat P-IRT sudah keluar");

    const minutes = (await callLoader(
      minutesLoader,
      await request(`/tkm/rapat/${meetingIdOf(second)}`, { userId: tkm.officer.id }),
      { id: meetingIdOf(second) },
    )) as { minutes: { closed: { id: string; doneNote: string }[]; followUps: unknown[] } };
    expect(minutes.minutes.closed).toEqual([
      expect.objectContaining({ id: overdue, doneNote: "Sertifikat P-IRT sudah keluar" }),
    ]);
    expect(minutes.minutes.followUps).toEqual([]);

    // Closing it again from a stale page is refused; nothing is recorded.
    const meetingsBefore = await db.tkmMeeting.count({ where: { teamId: tkm.team.id } });
    const stale = await post(
      tkm.officer.id,
      meetingForm({ "agenda[0].id": overdue, "agenda[0].done": "on", "agenda[0].note": "lagi" }),
    );
    expect(statusOf(stale)).toBe(400);
    expect(await db.tkmMeeting.count({ where: { teamId: tkm.team.id } })).toBe(meetingsBefore);
  });

  it("shows only the team's own open follow-ups; another team's are not found", async () => {
    const world = await createWorld();
    const ours = await createTkmOfficer(world.areas.villageA1.id);
    const theirs = await createTkmOfficer(world.areas.districtB.id);
    const recorded = await post(
      theirs.officer.id,
      meetingForm({
        "followUps[0].text": "Rapat dengan BUMDes",
        "followUps[0].owner": "Budi",
        "followUps[0].dueOn": dayFrom(3),
      }),
    );
    expect(statusOf(recorded)).toBe(302);
    expect(await agendaOf(ours.officer.id)).toEqual([]);
    expect((await openFollowUps(theirs.team.id)).map((f) => f.text)).toEqual(["Rapat dengan BUMDes"]);
    const foreign = (await openFollowUps(theirs.team.id))[0]?.id ?? "";
    const meddling = await post(
      ours.officer.id,
      meetingForm({ "agenda[0].id": foreign, "agenda[0].done": "on", "agenda[0].note": "selesai" }),
    );
    expect(statusOf(meddling)).toBe(404);
    expect(await db.tkmMeeting.count({ where: { teamId: ours.team.id } })).toBe(0);
    const theirMeeting = meetingIdOf(recorded);
    expect(
      statusOf(
        await callLoader(
          minutesLoader,
          await request(`/tkm/rapat/${theirMeeting}`, { userId: ours.officer.id }),
          {
            id: theirMeeting,
          },
        ),
      ),
    ).toBe(404);
    // A follow-up about a group outside the team's area is not found either.
    const outside = await post(
      ours.officer.id,
      meetingForm({
        "followUps[0].text": "Kunjungi kelompok",
        "followUps[0].owner": "Nining",
        "followUps[0].dueOn": dayFrom(3),
        "followUps[0].groupId": world.other.group.id,
      }),
    );
    expect(statusOf(outside)).toBe(404);
    expect(await db.tkmMeeting.count({ where: { teamId: ours.team.id } })).toBe(0);
  });

  it("refuses a meeting without attendees, in the future, or with a follow-up half filled or due before it", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    const cases: [Record<string, string>, string][] = [
      [{ attendees: " \n " }, "attendees"],
      [{ date: dayFrom(2) }, "date"],
      [{ date: "2026-02-30" }, "date"],
      [
        { "followUps[1].text": "Tanpa penanggung jawab", "followUps[1].dueOn": dayFrom(4) },
        "followUps[1].owner",
      ],
      [{ "followUps[0].owner": "Agus" }, "followUps[0].text"],
      [
        { "followUps[0].text": "Terlambat", "followUps[0].owner": "Agus", "followUps[0].dueOn": dayFrom(-3) },
        "followUps[0].dueOn",
      ],
    ];
    for (const [overrides, field] of cases) {
      const result = await post(tkm.officer.id, meetingForm(overrides));
      expect(statusOf(result), JSON.stringify(overrides)).toBe(400);
      const error = (await jsonOf(result)).error ?? {};
      expect(
        error[field] ?? error[""],
        `${JSON.stringify(overrides)} → ${JSON.stringify(error)}`,
      ).toBeTruthy();
    }
    expect(await db.tkmMeeting.count({ where: { teamId: tkm.team.id } })).toBe(0);
  });

  it("records a meeting form sent twice once, also when both arrive at once", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    const form = meetingForm({
      "followUps[0].text": "Cek stok",
      "followUps[0].owner": "Agus",
      "followUps[0].dueOn": dayFrom(7),
    });
    const results = await Promise.all([post(tkm.officer.id, form), post(tkm.officer.id, form)]);
    expect(results.map(statusOf)).toEqual([302, 302]);
    expect(new Set(results.map(meetingIdOf)).size).toBe(1);
    const again = await post(tkm.officer.id, form);
    expect((again as Response).headers.get("Location")).toContain("tersimpan=sama");
    expect(await db.tkmMeeting.count({ where: { teamId: tkm.team.id } })).toBe(1);
    expect(await db.followUp.count({ where: { meeting: { teamId: tkm.team.id } } })).toBe(1);
  });

  it("is TKM's only: the village government, buyers and group officers are forbidden", async () => {
    const world = await createWorld();
    const village = await createUser({ name: "Perangkat desa" });
    await db.villageOfficial.create({ data: { userId: village.id, areaId: world.areas.villageA1.id } });
    for (const userId of [village.id, world.buyer.buyer.id, world.home.manager.id]) {
      expect(statusOf(await callLoader(listLoader, await request("/tkm/rapat", { userId })))).toBe(403);
      expect(statusOf(await callLoader(newLoader, await request("/tkm/rapat/baru", { userId })))).toBe(403);
      expect(statusOf(await post(userId, meetingForm()))).toBe(403);
    }
  });

  it("answers 400 to a body that is not a form, recording nothing", async () => {
    const world = await createWorld();
    const tkm = await createTkmOfficer(world.areas.villageA1.id);
    const json = await request("/tkm/rapat/baru", {
      userId: tkm.officer.id,
      headers: { "Content-Type": "application/json" },
    });
    const body = new Request(json.url, {
      method: "POST",
      headers: json.headers,
      body: JSON.stringify(meetingForm()),
    });
    expect(statusOf(await callAction(newAction, body))).toBe(400);
    expect(await db.tkmMeeting.count({ where: { teamId: tkm.team.id } })).toBe(0);
  });
});
