/** Mail texts of honours, in zh-Hans and en. */
export type Locale = "zh-Hans" | "en";

export const awardMail = (
  locale: Locale,
  r: { name: string; title: string; citation?: string | null },
) =>
  locale === "en"
    ? {
        subject: `You have been awarded: ${r.title}`,
        text: [
          `Dear ${r.name},`,
          "",
          `The alumni office's committee has awarded you "${r.title}".`,
          ...(r.citation ? ["", r.citation] : []),
          "",
          "Congratulations, and thank you for your work for the alumni network.",
          "The Alumni Office",
        ].join("\n"),
      }
    : {
        subject: `荣誉授予通知：${r.title}`,
        text: [
          `${r.name} 校友：您好！`,
          "",
          `经校友工作委员会审定，授予您“${r.title}”。`,
          ...(r.citation ? ["", r.citation] : []),
          "",
          "衷心祝贺，并感谢您为校友联络工作作出的贡献。",
          "校友会办公室",
        ].join("\n"),
      };
