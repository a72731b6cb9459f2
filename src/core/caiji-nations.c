/* caiji-nations.c: the 56 ethnic groups, by GB 3304 code (民族)
 *
 * The chip reader reports a two-digit code and the card prints the name;
 * both map through this one table.
 */
#include "caiji-nations.h"

#include <string.h>

static const char *const nations[CAIJI_NATION_COUNT] = {
  "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
  "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
  "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
  "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
  "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
  "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
};

/* code: 1 (汉) … 56 (基诺); NULL for any other code. */
const char *
caiji_nation_name (int code)
{
  if (code < 1 || code > CAIJI_NATION_COUNT)
    return NULL;
  return nations[code - 1];
}

/* 0 when the name is not one of the 56. */
int
caiji_nation_code (const char *name)
{
  for (int i = 0; i < CAIJI_NATION_COUNT; i++)
    if (g_strcmp0 (nations[i], name) == 0)
      return i + 1;
  return 0;
}
