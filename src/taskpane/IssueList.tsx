import { Button, Divider } from "@fluentui/react-components";
import type { Issue } from "../core/issues";
import { usePane } from "./pane";
import { useShown } from "./shown";

/** The issues of the last command; clicking one shows its cell. */
export function IssueList({ issues }: { issues: readonly Issue[] }) {
  const { t, backend, act } = usePane();
  const { count, more } = useShown(issues);
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
        <Button appearance="transparent" onClick={more}>
          {t.moreIssues(issues.length - count)}
        </Button>
      )}
    </>
  );
}
