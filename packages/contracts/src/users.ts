import { z } from 'zod';
import { pageOf, pageQuery, requiredText, text, uuid } from './common.js';
import { permissions, roles } from './permissions.js';

export const roleAssignmentSchema = z.object({
  role: z.enum(roles),
  provinceId: uuid.nullable(),
  communeId: uuid.nullable(),
  unitId: uuid.nullable(),
  scopeName: z.string(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const roleAssignmentInput = z.strictObject({
  role: z.enum(roles),
  provinceId: uuid.nullable().optional(),
  communeId: uuid.nullable().optional(),
  unitId: uuid.nullable().optional(),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentInput>;

export const userSchema = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  communeId: uuid.nullable(),
  personId: uuid.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(roleAssignmentSchema),
  /** Roles the user holds outside what the viewer may see: counted, never described. */
  outsideRoles: z.number().int().min(0),
  /** May the viewer edit, reset the password of, or unlock this user: every role lies within their scope. */
  manageable: z.boolean(),
  /**
   * What the viewer may do with this user now, as the routes decide: edit them (name, roles), reset
   * their password, lift their sign-in delay, disable or enable them (never themselves).
   */
  can: z.object({ edit: z.boolean(), resetPassword: z.boolean(), unlock: z.boolean(), disable: z.boolean() }),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

const username = requiredText(60).regex(/^[a-z0-9._-]+$/u, { error: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch nối.' });
export const passwordSchema = z
  .string()
  .min(10, { error: 'Mật khẩu phải có ít nhất 10 ký tự.' })
  .max(200)
  .regex(/\p{L}/u, { error: 'Mật khẩu phải có chữ cái.' })
  .regex(/\d/u, { error: 'Mật khẩu phải có chữ số.' });

export const userCreateInput = z.strictObject({
  username,
  fullName: requiredText(120),
  email: z
    .union([z.email({ error: 'Thư điện tử không hợp lệ.' }).max(200), z.literal('')])
    .nullable()
    .optional(),
  communeId: uuid.nullable().optional(),
  personId: uuid.nullable().optional(),
  password: passwordSchema,
  roles: z.array(roleAssignmentInput).max(20),
});
export const userUpdateInput = z.strictObject({
  fullName: requiredText(120).optional(),
  email: z
    .union([z.email({ error: 'Thư điện tử không hợp lệ.' }).max(200), z.literal('')])
    .nullable()
    .optional(),
  personId: uuid.nullable().optional(),
  disabled: z.boolean().optional(),
  roles: z.array(roleAssignmentInput).max(20).optional(),
  version: z.number().int().min(1),
});
export const resetPasswordInput = z.strictObject({ newPassword: passwordSchema });
export const userListQuery = pageQuery.extend({ communeId: uuid.optional() }).strict();
export const userPage = pageOf(userSchema).extend({
  /**
   * What the viewer may do on this list: add a user (in the listed commune, or anywhere they manage
   * users when no commune is given), list the users of every commune (not only one), and which roles
   * they may grant somewhere (the server checks each role's scope again).
   */
  can: z.object({ create: z.boolean(), listAllCommunes: z.boolean(), grantRoles: z.array(z.enum(roles)) }),
});
export type UserPage = z.infer<typeof userPage>;

export const loginInput = z.strictObject({ username: requiredText(60), password: z.string().min(1, { error: 'Không được để trống.' }).max(200) });
export const changePasswordInput = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

/** What the web app needs to know about the signed-in user: who, where, and what they may do. */
export const meSchema = z.object({
  user: z.object({ id: uuid, username: z.string(), fullName: z.string(), mustChangePassword: z.boolean() }),
  roles: z.array(roleAssignmentSchema),
  permissions: z.array(z.enum(permissions)),
  /** Communes the user can see, for the commune switcher. */
  communes: z.array(z.object({ id: uuid, name: z.string(), provinceName: z.string() })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;
export const nameText = text;
