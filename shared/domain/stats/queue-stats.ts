/** The open queue counted by the scheduled queue-stats job: by status, overdue, and per department. */
export interface QueueStats {
  computedAt: string;
  byStatus: Record<string, number>;
  overdue: number;
  byDepartment: Record<string, { open: number; overdue: number }>;
}
