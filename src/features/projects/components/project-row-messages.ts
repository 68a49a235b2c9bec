import { defineMessages } from '@/lib/languages'

/** One project's row, in words: React's and the kept list's early drawing (src/app/kept-list-preview.ts) both use them. */
export const projectRowMessages = defineMessages({
  en: {
    unnamed: '(no name)',
    isDefault: 'Default',
    id: 'id',
    renameShort: 'Rename',
    deleteShort: 'Delete',
    rename: (name: string) => `Rename “${name}”`,
    remove: (name: string) => `Delete “${name}”`,
    newName: (name: string) => `New name for “${name}”`,
    save: 'Save',
    cancel: 'Cancel',
    confirm: (name: string) => `Delete “${name}”?`,
    confirmYes: 'Delete',
    confirmNo: 'Keep',
    nameMissing: 'Type a name, or press Escape to keep the old one.',
    beyond: 'Saved, beyond what the API lists',
  },
  ja: {
    unnamed: '（名前なし）',
    isDefault: 'デフォルト',
    id: 'ID',
    renameShort: '名前を変更',
    deleteShort: '削除',
    rename: (name: string) => `「${name}」の名前を変更`,
    remove: (name: string) => `「${name}」を削除`,
    newName: (name: string) => `「${name}」の新しい名前`,
    save: '保存',
    cancel: 'キャンセル',
    confirm: (name: string) => `「${name}」を削除しますか？`,
    confirmYes: '削除',
    confirmNo: '残す',
    nameMissing: '名前を入力してください。Escape キーで元の名前に戻せます。',
    beyond: '保存済み（API の一覧の範囲外）',
  },
})
