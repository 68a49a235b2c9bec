import { defineMessages } from '@/lib/i18n'

export const actionMessages = defineMessages({
  en: {
    created: (name: string, id: number) => `Created “${name}” (id ${id}).`,
    renamed: (name: string) => `Renamed to “${name}”.`,
    deleted: (name: string) => `Deleted “${name}”.`,
    restored: (name: string) => `Restored “${name}”.`,
    undo: 'Undo',
    createFailed: (name: string, reason: string) =>
      `Could not create “${name}”. ${reason} What you typed is back in the form.`,
    renameFailed: (name: string, reason: string) =>
      `Could not rename “${name}”; it keeps its old name. ${reason} Your new name is still in the box.`,
    deleteFailed: (name: string, reason: string) =>
      `Could not delete “${name}”; it is back in the list. ${reason}`,
    restoreFailed: (name: string, reason: string) =>
      `Could not restore “${name}”. ${reason} Press Undo to try again.`,
  },
  ja: {
    created: (name: string, id: number) => `「${name}」を作成しました（ID ${id}）。`,
    renamed: (name: string) => `名前を「${name}」に変更しました。`,
    deleted: (name: string) => `「${name}」を削除しました。`,
    restored: (name: string) => `「${name}」を元に戻しました。`,
    undo: '元に戻す',
    createFailed: (name: string, reason: string) =>
      `「${name}」を作成できませんでした。${reason} 入力した内容はフォームに戻してあります。`,
    renameFailed: (name: string, reason: string) =>
      `「${name}」の名前を変更できませんでした（元の名前のままです）。${reason} 新しい名前は入力欄に残っています。`,
    deleteFailed: (name: string, reason: string) =>
      `「${name}」を削除できませんでした（一覧に戻しました）。${reason}`,
    restoreFailed: (name: string, reason: string) =>
      `「${name}」を元に戻せませんでした。${reason}「元に戻す」でもう一度お試しください。`,
  },
})
