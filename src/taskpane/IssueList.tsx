import { Button, Divider } from "@fluentui/react-components";
import { useState } from "react";
import type { Issue } from "../core/issues";
import { usePane } from "./pane";

/** Issues drawn at first: a register of tens of thousands of rows can have thousands. */
const SHOWN = 200;

/** The issues of the last command; clicking one shows its cell. */
export function IssueList({ issues }: { issues: readonly Issue[] }) {
  const { t, backend, act } = usePane();
  const [shown, setShown] = useState({ of: issues, count: SHOWN });
  const count = shown.of === issues ? shown.count : SHOWN;
  if (issues.length === 0) return null;
  return (
    <>
      <Divider style={{ marginTop: 12 }}>{t.issues}</Divider>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="issues">
        {issues.slice(0, count).map((i, k) => (
          <li key={k}>
            <Button
              appearance="subtle"
              size="small"
              style={{ justifyContent: "flex-start", textAlign: "left", width: "100%" }}
              onClick={() => act(async () => (await backend.selectIssue(i), undefined))}
            >
              <span
                style={{
                  color: i.severity === "error" ? "#a4262c" : "#8a6d00",
                  marginRight: 6,
                  whiteSpace: "nowrap",
                }}
              >
                {i.severity === "error" ? t.error : t.warning}
              </span>
              {i.sheet}!{i.cell} {i.message}
            </Button>
          </li>
        ))}
      </ul>
      {issues.length > count && (
        <Button appearance="transparent" onClick={() => setShown({ of: issues, count: count + SHOWN * 5 })}>
          {t.moreIssues(issues.length - count)}
        </Button>
      )}
    </>
  );
}
