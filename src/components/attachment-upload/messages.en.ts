/** English text of `<dvc-attachment-upload>`, loaded only on English pages. */
import type { UploadMessages } from './messages.js';

const upload: UploadMessages = {
  label: 'Attachments',
  chooseFiles: 'Choose files',
  takePhoto: 'Take a photo',
  dropHint: 'or drag and drop files here',
  dropNow: 'Drop the files here to upload them',
  limits: (types, size, files) =>
    `Formats ${types}; up to ${size} per file${files > 1 ? `, up to ${files} files` : ''}.`,
  fileList: 'Chosen files',
  checking: 'Checking the file…',
  uploading: (percent) => `Uploading ${percent}%`,
  paused: (percent) => `Paused at ${percent}%`,
  done: 'Uploaded',
  failed: 'Not uploaded',
  progressLabel: (name) => `Upload progress of ${name}`,
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  retry: 'Try again',
  remove: 'Remove',
  pauseFile: (name) => `Pause uploading ${name}`,
  resumeFile: (name) => `Resume uploading ${name}`,
  cancelFile: (name) => `Cancel uploading ${name}`,
  retryFile: (name) => `Try uploading ${name} again`,
  removeFile: (name) => `Remove ${name}`,
  announceProgress: (name, percent) => `${name}: ${percent}% uploaded`,
  announceDone: (name) => `${name} uploaded`,
  announceRemoved: (name) => `${name} removed`,
  empty: (name) => `“${name}” is empty (0 bytes) and cannot be uploaded. Please choose the file again.`,
  tooLarge: (name, limit) =>
    `“${name}” is larger than the ${limit} allowed. Choose a smaller file, or take the photo again at a lower resolution.`,
  wrongType: (name, types) => `“${name}” is not in an accepted format (${types}).`,
  notWhatItSays: (name) =>
    `The content of “${name}” does not match its file type: the file may be damaged or renamed. Please choose the original file.`,
  tooMany: (max) => `You can attach at most ${max} files. Remove a file before choosing more.`,
  duplicate: (name) => `“${name}” has already been chosen.`,
  refusedByServer: (name) => `The service did not accept “${name}”.`,
  infected: (name) =>
    `“${name}” contains a virus or other malware and was removed. Scan your device for viruses, then choose a clean copy of the file.`,
  interrupted: 'The upload was interrupted. Select “Try again” to continue.',
  serverTooLarge: (name) => `“${name}” is larger than the service accepts. Choose a smaller file.`,
  draftTooLarge: (name) =>
    `“${name}” cannot be added: the files of this dossier have reached the total allowed. Remove a file or choose a smaller one.`,
  addressQuota: (name) =>
    `“${name}” cannot be taken yet: the network you are on has uploaded many files not yet filed. File the dossier you are filling in, or try again later.`,
  notReady: 'A file has not finished uploading: resume it, try again or remove it.',
  unreadable: (name) => `“${name}” cannot be read: it may have been deleted or changed. Please choose it again.`,
  requiredMark: '(required)',
  offline: 'Your device is offline. Uploads will continue by themselves when the connection is back.',
  required: 'Please attach at least one file.',
  stillUploading: 'Please wait until the files have finished uploading.',
  noEndpoint:
    'This service is not set up correctly: the service does not accept uploads. Please tell the website administrator.',
};

export const english = upload;
