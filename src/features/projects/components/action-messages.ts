import { defineMessages } from '@/lib/i18n'

/**
 * What a change did. Failure messages are built from parts, each said only
 * when it is true: the form gets back what was typed only if it was empty, the
 * rename box only if no other row is being edited, and so on.
 */
export const actionMessages = defineMessages({
  en: {
    created: (name: string, id: number) => `Created “${name}” (id ${id}).`,
    createdBeyond: (name: string, id: number) =>
      `Created “${name}” (id ${id}). The API lists at most 50 projects and left it out of its answer; it is saved, and shown here until you reload.`,
    createdAs: (name: string, id: number, was: number) =>
      `Created “${name}” (id ${id}): while it waited for the network, someone else took id ${was}.`,
    renamed: (name: string) => `Renamed to “${name}”.`,
    deleted: (name: string) => `Deleted “${name}”.`,
    restored: (name: string) => `Restored “${name}”.`,
    undo: 'Undo',
    createFailed: (name: string, reason: string) => `Could not create “${name}”. ${reason}`,
    typedIsBack: 'What you typed is back in the form.',
    renameFailed: (name: string, to: string, reason: string) =>
      `Could not rename “${name}” to “${to}”. ${reason}`,
    nameIsBack: (name: string) => `The name you typed, “${name}”, is back in the box.`,
    deleteFailed: (name: string, reason: string) => `Could not delete “${name}”. ${reason}`,
    backInList: 'It is back in the list.',
    restoreFailed: (name: string, reason: string) =>
      `Could not restore “${name}”. ${reason} Press Undo to try again.`,
    notSentRename: (name: string, to: string) =>
      `Renaming “${name}” to “${to}” was not sent, because it depended on this.`,
    notSentDelete: (name: string) =>
      `Deleting “${name}” was not sent, because it depended on this.`,
    notSentCreate: (name: string) =>
      `Restoring “${name}” was not sent, because it depended on this.`,
    goneRename: (name: string, to: string) =>
      `“${name}” was deleted by someone else, so it was not renamed to “${to}”.`,
    goneDelete: (name: string) => `“${name}” was deleted by someone else.`,
    createAgain: (name: string) => `Create “${name}” again`,
    renamedMeanwhileRename: (name: string, current: string, to: string) =>
      `Someone else renamed “${name}” to “${current}”. Rename it to “${to}” anyway?`,
    renamedMeanwhileDelete: (name: string, current: string) =>
      `Someone else renamed “${name}” to “${current}”. Delete it anyway?`,
    unlistedRename: (name: string, to: string) =>
      `“${name}” is no longer among the 50 projects the API lists, so this app can’t tell whether someone deleted it; if they did, renaming it would bring it back. Rename it to “${to}” anyway?`,
    renameAnyway: (to: string) => `Rename to “${to}”`,
    deleteAnyway: (name: string) => `Delete “${name}”`,
    keep: (name: string) => `Keep “${name}”`,
    recreatedKept: (name: string, to: string, reason: string) =>
      `“${name}” had been deleted by someone else, and renaming it to “${to}” brought it back (without its default mark). Deleting it again failed: ${reason}`,
    cancelledCreate: (name: string) => `Creating “${name}” was cancelled.`,
    cancelledRename: (name: string, to: string) => `Renaming “${name}” to “${to}” was cancelled.`,
    cancelledDelete: (name: string) => `Deleting “${name}” was cancelled.`,
    dismiss: 'Dismiss',
  },
  ja: {
    created: (name: string, id: number) => `「${name}」を作成しました（ID ${id}）。`,
    createdBeyond: (name: string, id: number) =>
      `「${name}」を作成しました（ID ${id}）。API は最大 50 件しか返さず、その応答に含まれていませんでしたが、保存されています。再読み込みするまでここに表示します。`,
    createdAs: (name: string, id: number, was: number) =>
      `「${name}」を作成しました（ID ${id}）。ネットワークを待つ間に ID ${was} がほかの人に使われていました。`,
    renamed: (name: string) => `名前を「${name}」に変更しました。`,
    deleted: (name: string) => `「${name}」を削除しました。`,
    restored: (name: string) => `「${name}」を元に戻しました。`,
    undo: '元に戻す',
    createFailed: (name: string, reason: string) => `「${name}」を作成できませんでした。${reason}`,
    typedIsBack: '入力した内容はフォームに戻してあります。',
    renameFailed: (name: string, to: string, reason: string) =>
      `「${name}」の名前を「${to}」に変更できませんでした。${reason}`,
    nameIsBack: (name: string) => `入力した名前「${name}」は入力欄に戻してあります。`,
    deleteFailed: (name: string, reason: string) => `「${name}」を削除できませんでした。${reason}`,
    backInList: '一覧に戻しました。',
    restoreFailed: (name: string, reason: string) =>
      `「${name}」を元に戻せませんでした。${reason}「元に戻す」でもう一度お試しください。`,
    notSentRename: (name: string, to: string) =>
      `続けて行った「${name}」から「${to}」への名前の変更は、この操作が前提だったため送信していません。`,
    notSentDelete: (name: string) =>
      `続けて行った「${name}」の削除は、この操作が前提だったため送信していません。`,
    notSentCreate: (name: string) =>
      `続けて行った「${name}」の復元は、この操作が前提だったため送信していません。`,
    goneRename: (name: string, to: string) =>
      `「${name}」はほかの人が削除したため、「${to}」に名前を変更していません。`,
    goneDelete: (name: string) => `「${name}」はほかの人が削除しました。`,
    createAgain: (name: string) => `「${name}」として作成し直す`,
    renamedMeanwhileRename: (name: string, current: string, to: string) =>
      `ほかの人が「${name}」の名前を「${current}」に変更しました。それでも「${to}」に変更しますか？`,
    renamedMeanwhileDelete: (name: string, current: string) =>
      `ほかの人が「${name}」の名前を「${current}」に変更しました。それでも削除しますか？`,
    unlistedRename: (name: string, to: string) =>
      `「${name}」は API が返す 50 件に含まれなくなったため、ほかの人が削除したかどうか確かめられません。削除されていた場合、名前を変更すると復活します。それでも「${to}」に変更しますか？`,
    renameAnyway: (to: string) => `「${to}」に変更する`,
    deleteAnyway: (name: string) => `「${name}」を削除する`,
    keep: (name: string) => `「${name}」のままにする`,
    recreatedKept: (name: string, to: string, reason: string) =>
      `「${name}」はほかの人が削除していたため、「${to}」への名前の変更で復活しました（デフォルトの印はありません）。もう一度削除できませんでした：${reason}`,
    cancelledCreate: (name: string) => `「${name}」の作成を取り消しました。`,
    cancelledRename: (name: string, to: string) =>
      `「${name}」から「${to}」への名前の変更を取り消しました。`,
    cancelledDelete: (name: string) => `「${name}」の削除を取り消しました。`,
    dismiss: '閉じる',
  },
})
