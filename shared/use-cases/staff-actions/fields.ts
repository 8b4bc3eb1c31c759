/** Field rules several action bodies share. */
import * as z from 'zod';

export const text = (max: number) => z.string().trim().min(1).max(max);
export const departmentId = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'type' });
