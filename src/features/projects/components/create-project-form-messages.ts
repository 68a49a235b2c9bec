import { defineMessages } from '@/lib/languages'

/** The form that creates a project, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const createProjectFormMessages = defineMessages({
  en: {
    title: 'New project',
    name: 'Name',
    isDefault: 'Make it the default project',
    id: 'Id (optional)',
    idHint: 'Leave empty and a free id is chosen for you.',
    create: 'Create project',
    nameMissing: 'Type a name for the project.',
    idInvalid: 'An id is a whole number, like 200.',
    idTaken: (id: number, name: string) =>
      `Id ${id} is already used by “${name}”. Choose another, or leave it empty to get a free one.`,
  },
  ja: {
    title: '新しいプロジェクト',
    name: '名前',
    isDefault: 'デフォルトのプロジェクトにする',
    id: 'ID（任意）',
    idHint: '空欄のままにすると、空いている ID が自動で選ばれます。',
    create: 'プロジェクトを作成',
    nameMissing: 'プロジェクトの名前を入力してください。',
    idInvalid: 'ID は 200 のような整数です。',
    idTaken: (id: number, name: string) =>
      `ID ${id} は「${name}」で使われています。別の ID にするか、空欄にして自動で選ばせてください。`,
  },
})
