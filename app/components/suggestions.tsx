import { Form, Link } from "@remix-run/react";
import type { MessageKey, MessageParams } from "~/locales";
import { whatsAppChatLink } from "~/utils/delivery";
import { useLang, useT } from "~/utils/i18n";
import { BUSINESS_KIND_KEYS } from "~/utils/labels";
import { formatDate } from "~/utils/time";

// Suggestions that grow the network (decision 015): groups for a buyer, businesses for a group.

type CategoryName = { id: string; nameId: string; nameEn: string };
type Reason = { key: MessageKey; params?: MessageParams };

const FIT_KEYS = {
  bought: "suggest.fit.bought",
  related: "suggest.fit.related",
  kind: "suggest.fit.kind",
} as const satisfies Record<string, MessageKey>;

function useCategoryName(categories: CategoryName[]) {
  const lang = useLang();
  return (id: string) => {
    const category = categories.find((c) => c.id === id);
    if (!category) return "";
    return (lang === "en" ? category.nameEn : category.nameId).toLocaleLowerCase(lang);
  };
}

export function GroupSuggestions({
  data,
  businessName,
  headingLevel = 2,
}: {
  data: {
    fromOrders: boolean;
    categories: CategoryName[];
    suggestions: {
      groupId: string;
      name: string;
      slug: string;
      phone: string | null;
      villageName: string;
      fit: { categoryId: string; source: keyof typeof FIT_KEYS };
      reasons: Reason[];
    }[];
  };
  businessName: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const categoryName = useCategoryName(data.categories);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="group-suggestions" className="space-y-2">
      <Heading id="group-suggestions" className="text-xl font-bold">
        {t("suggest.buyer.title")}
      </Heading>
      {data.suggestions.length === 0 ? (
        <p className="card text-stone-600">{t("suggest.buyer.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">
            {t(data.fromOrders ? "suggest.buyer.lead_orders" : "suggest.buyer.lead_kind")}
          </p>
          <ul className="grid gap-2 md:grid-cols-2">
            {data.suggestions.map((group) => (
              <li key={group.groupId} className="card space-y-1 p-3">
                <p className="font-semibold">
                  <Link to={`/kelompok/${group.slug}`} className="hover:underline">
                    {group.name}
                  </Link>
                </p>
                <p className="text-sm text-stone-600">{group.villageName}</p>
                <p className="text-sm">
                  {[
                    t(FIT_KEYS[group.fit.source], { category: categoryName(group.fit.categoryId) }),
                    ...group.reasons.map((reason) => t(reason.key, reason.params)),
                  ].join(" · ")}
                </p>
                <p className="flex flex-wrap gap-x-4">
                  {group.phone ? (
                    <a
                      href={whatsAppChatLink(
                        group.phone,
                        t("suggest.wa_text", { group: group.name, business: businessName }),
                      )}
                      className="link inline-flex min-h-11 items-center"
                      target="_blank"
                      rel="noopener"
                    >
                      {t("suggest.whatsapp")}
                    </a>
                  ) : null}
                  <Link to={`/kelompok/${group.slug}`} className="link inline-flex min-h-11 items-center">
                    {t("suggest.group_page")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function BusinessSuggestions({
  data,
  hasPhone,
}: {
  data: {
    categories: CategoryName[];
    suggestions: {
      businessId: string;
      name: string;
      kind: keyof typeof BUSINESS_KIND_KEYS;
      villageName: string;
      distanceKm: number | null;
      categoryId: string;
      groups: number;
      introducedAt: string | Date | null;
    }[];
  };
  hasPhone: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const categoryName = useCategoryName(data.categories);
  return (
    <section aria-labelledby="business-suggestions" className="space-y-2">
      <h2 id="business-suggestions" className="text-xl font-bold">
        {t("suggest.group.title")}
      </h2>
      {data.suggestions.length === 0 ? (
        <p className="card text-stone-600">{t("suggest.group.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t("suggest.group.lead")}</p>
          {hasPhone ? null : (
            <p className="text-sm text-amber-900">
              <Link to="/kelola/profil" className="link">
                {t("suggest.group.no_phone")}
              </Link>
            </p>
          )}
          <ul className="space-y-2">
            {data.suggestions.map((business) => (
              <li key={business.businessId} className="card space-y-1 p-3">
                <p className="font-semibold">{business.name}</p>
                <p className="text-sm text-stone-600">
                  {t(BUSINESS_KIND_KEYS[business.kind])} · {business.villageName}
                </p>
                <p className="text-sm">
                  {[
                    t("suggest.group.reason", {
                      category: categoryName(business.categoryId),
                      count: business.groups,
                    }),
                    ...(business.distanceKm !== null
                      ? [t("suggest.reason.distance", { km: business.distanceKm })]
                      : []),
                  ].join(" · ")}
                </p>
                {business.introducedAt ? (
                  <p className="inline-flex min-h-11 items-center text-sm font-medium text-brand-800">
                    {t("suggest.introduced_on", { date: formatDate(business.introducedAt, lang) })}
                  </p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="introduce" />
                    <input type="hidden" name="businessId" value={business.businessId} />
                    <button
                      type="submit"
                      className="btn-secondary"
                      aria-label={t("suggest.introduce_to", { name: business.name })}
                    >
                      {t("suggest.introduce")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
