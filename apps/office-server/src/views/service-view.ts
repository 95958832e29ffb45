import type { CategoryView, ServiceGroupView, ServiceView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

export function serviceViews(directory: OfficeDirectory): ServiceView[] {
  return directory.config.services.map((s) => ({
    id: s.id,
    name: s.name,
    ...(s.nameEn && { nameEn: s.nameEn }),
    ...(s.hint && { hint: s.hint }),
    ...(s.hintEn && { hintEn: s.hintEn }),
    prefix: s.prefix,
    ...(s.groupId && { groupId: s.groupId }),
    askAccountNumber: s.askAccountNumber,
    normMinutes: s.normMinutes,
    outcomes: s.outcomes,
    ...(s.finishRequires && { finishRequires: s.finishRequires }),
  }));
}

export function serviceGroupViews(directory: OfficeDirectory): ServiceGroupView[] {
  return directory.config.serviceGroups.map((g) => ({
    id: g.id,
    name: g.name,
    ...(g.nameEn && { nameEn: g.nameEn }),
    ...(g.parentId && { parentId: g.parentId }),
  }));
}

export function categoryViews(directory: OfficeDirectory): CategoryView[] {
  return directory.config.categories.map((c) => ({
    id: c.id,
    name: c.name,
    ...(c.nameEn && { nameEn: c.nameEn }),
    document: c.document,
    ...(c.documentEn && { documentEn: c.documentEn }),
    ...(c.finishRequires && { finishRequires: c.finishRequires }),
  }));
}
