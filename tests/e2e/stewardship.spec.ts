import { expect, test } from "@playwright/test";
import { seriousViolations } from "./a11y";
import { signIn, screenshots } from "./look";

// TKM's stewardship on a 360 px phone: verify the group it registered last week, revise a baseline
// (refused without a reason, then with one), confirm the stage the rule derives. (The forms are plain
// posts; the integration tests send them as a browser without JavaScript would.)
const PHONE_360 = { width: 360, height: 740 };

test("a TKM officer verifies a waiting group, revises a baseline with a reason and confirms a stage", async ({
  browser,
}) => {
  const look = screenshots("stewardship");
  const tkm = await signIn(browser, "081400000001", { viewport: PHONE_360 });

  await tkm.goto("/tkm");
  await tkm.getByRole("link", { name: "Verifikasi", exact: true }).click();
  await expect(tkm.getByRole("heading", { name: "Verifikasi kelompok dan usaha" })).toBeVisible();
  await look(tkm, "verifikasi");
  expect(await seriousViolations(tkm)).toEqual([]);
  await tkm.getByRole("button", { name: "Verifikasi KUBE Melati Tiga" }).click();
  await expect(tkm.getByText("Tidak ada kelompok yang menunggu atau ditangguhkan.")).toBeVisible();

  await tkm.goto("/tkm");
  await tkm.getByRole("link", { name: "KUBE Perempuan Mandiri" }).first().click();
  await look(tkm, "kelompok");
  await tkm.getByRole("link", { name: "Pendapatan awal" }).click();
  await expect(tkm.getByText("Pendapatan awal sekarang: Rp650.000 per bulan")).toBeVisible();
  await tkm.getByLabel("Pendapatan kelompok per bulan").fill("Rp 700.000");
  // The browser would stop an empty required field; the server's answer is what is tested here.
  await tkm.getByLabel("Alasan perubahan").evaluate((field) => field.removeAttribute("required"));
  await tkm.getByRole("button", { name: "Ubah pendapatan awal" }).click();
  await expect(tkm.getByText("Tuliskan alasannya.")).toBeVisible();
  await expect(tkm.getByLabel("Pendapatan kelompok per bulan")).toHaveValue("Rp 700.000");
  await tkm.getByLabel("Alasan perubahan").fill("Dua rumah tangga baru masuk kelompok");
  await tkm.getByRole("button", { name: "Ubah pendapatan awal" }).click();
  await expect(tkm.getByText("Pendapatan awal sekarang: Rp700.000 per bulan")).toBeVisible();
  await expect(tkm.getByText("Dua rumah tangga baru masuk kelompok")).toBeVisible();
  await look(tkm, "pendapatan-awal");

  await tkm.getByRole("link", { name: "KUBE Perempuan Mandiri" }).click();
  await tkm.getByRole("link", { name: "Tahap KUBE" }).click();
  const derived = (await tkm.getByText(/^Menurut aturan: /).innerText()).replace("Menurut aturan: ", "");
  await tkm.getByRole("button", { name: `Konfirmasi: ${derived}` }).click();
  await expect(tkm.getByText(`Tahap sekarang: ${derived}`)).toBeVisible();
  await expect(tkm.getByText("Dikonfirmasi ·")).toBeVisible();
  await look(tkm, "tahap");
  expect(await seriousViolations(tkm)).toEqual([]);
});
