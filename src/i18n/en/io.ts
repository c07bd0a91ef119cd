export default {
  io: {
    emptyFile: 'The file is empty',
    tooLarge: 'The file is over {mb} MB; split it and import the parts',
    unreadable: 'Cannot read “{name}”: it may be damaged or not a spreadsheet',
    wrongType: '“{name}” is not supported: use .xlsx or .csv',
  },
}
