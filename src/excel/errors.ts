// A command's refusal, in Chinese, for the task pane's message bar.

export class CommandError extends Error {}
