/** Mail texts of the appraisal, in zh-Hans and en. */
export type Locale = "zh-Hans" | "en";

export const GRADE_NAMES: Record<Locale, Record<string, string>> = {
  "zh-Hans": { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" },
  en: { excellent: "excellent", good: "good", pass: "pass", fail: "fail" },
};

export interface ResultMail {
  name: string;
  cycle: string;
  post: string;
  total: number;
  grade: string;
  rank: number | null;
  comments: { criterion: string; score: number; comment: string | null }[];
}

export const resultMail = (locale: Locale, r: ResultMail) => {
  const grade = GRADE_NAMES[locale][r.grade] ?? r.grade;
  const comments = r.comments.filter((c) => c.comment);
  if (locale === "en") {
    return {
      subject: `Your appraisal result: ${r.cycle}`,
      text: [
        `Dear ${r.name},`,
        "",
        `The appraisal cycle "${r.cycle}" is closed. Your result as ${r.post}:`,
        `Total ${r.total} of 100, grade: ${grade}${r.rank ? `, rank ${r.rank} in your dimension` : ""}.`,
        ...(comments.length
          ? [
              "",
              "Reviewers' comments:",
              ...comments.map(
                (c) => `- ${c.criterion} (${c.score}): ${c.comment}`,
              ),
            ]
          : []),
        "",
        "Thank you for your work for the alumni network.",
        "The Alumni Office",
      ].join("\n"),
    };
  }
  return {
    subject: `考核结果通知：${r.cycle}`,
    text: [
      `${r.name} 校友：您好！`,
      "",
      `考核周期“${r.cycle}”已结束。您作为 ${r.post} 的考核结果：`,
      `总分 ${r.total}（满分 100），等级：${grade}${r.rank ? `，在本维度排名第 ${r.rank}` : ""}。`,
      ...(comments.length
        ? [
            "",
            "评审意见：",
            ...comments.map(
              (c) => `- ${c.criterion}（${c.score} 分）：${c.comment}`,
            ),
          ]
        : []),
      "",
      "感谢您为校友联络工作付出的努力。",
      "校友会办公室",
    ].join("\n"),
  };
};

export const noteMail = (
  locale: Locale,
  r: { name: string; cycle: string; post: string; text: string },
) =>
  locale === "en"
    ? {
        subject: `Feedback on your liaison work (${r.cycle})`,
        text: `Dear ${r.name},\n\nA reviewer of the alumni office has left feedback on your work as ${r.post}:\n\n${r.text}\n\nThe Alumni Office`,
      }
    : {
        subject: `关于您联络工作的反馈（${r.cycle}）`,
        text: `${r.name} 校友：您好！\n\n校友会办公室的评审人对您作为 ${r.post} 的工作提出了反馈：\n\n${r.text}\n\n校友会办公室`,
      };
