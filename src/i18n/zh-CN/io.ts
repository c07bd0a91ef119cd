export default {
  io: {
    emptyFile: '文件是空的',
    tooLarge: '文件超过 {mb} MB，请拆分后再导入',
    unreadable: '无法读取文件“{name}”：它可能已损坏，或不是有效的表格文件',
    wrongType: '“{name}”不是支持的格式：请使用 .xlsx 或 .csv',
  },
}
