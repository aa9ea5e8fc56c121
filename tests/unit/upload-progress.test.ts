import { describe, expect, it } from "vitest";
import { afterUpload } from "~/components/upload-progress";

describe("after a photo upload is answered", () => {
  it.each([
    // Saved: the server redirected. Go there, whatever the page answers (a draft's public page
    // would be 404): sending the form again would store the product twice.
    ["http://x/kelola/produk/baru", "http://x/kelola?tersimpan=p1", { go: "/kelola?tersimpan=p1" }],
    ["http://x/kelola/produk/baru", "http://x/produk/tas-draf", { go: "/produk/tas-draf" }],
    [
      "http://x/kelola/produk/p1",
      "http://x/kelola/produk/p1?tersimpan=1",
      { go: "/kelola/produk/p1?tersimpan=1" },
    ],
    // Refused (or no answer at all): sent again the Remix way, to show the messages.
    ["http://x/kelola/produk/baru", "http://x/kelola/produk/baru", { go: null }],
    ["http://x/kelola/produk/baru", "", { go: null }],
  ])("sent to %s, answered from %j: %j", (sentTo, landedOn, next) => {
    expect(afterUpload(sentTo, landedOn)).toEqual(next);
  });
});
