/* caiji-card-surnames.c: which characters begin a Chinese name
 *
 * A name on the card starts with a surname, and surnames are a nearly
 * closed set: the 百家姓 (Hundred Family Surnames) list below, plus a few
 * common ones it lacks, covers almost every resident.  The card reader
 * uses it as a prior when the recogniser returns a first character that
 * no family carries (薪 for 蒋, 囊 for 袁).
 */
#include "caiji-card-text.h"

#include <string.h>

static const char single_surnames[] =
  "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章"
  "云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常"
  "乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞"
  "熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍"
  "虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁"
  "荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
  "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
  "池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农"
  "温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东"
  "欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红"
  "游竺权逯盖益桓公"
  /* common today, missing from the old list */
  "付覃揭谌佘植兰练";

static const char *const compound_surnames[] = {
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容",
  "夏侯", "长孙", "宇文", "司徒", "司空", "端木", "轩辕", "呼延", "南宫", "独孤",
  "万俟", "闻人", "赫连", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔",
  "申屠", "仲孙", "钟离", "鲜于", "闾丘", "西门", "第五",
};

const char *
caiji_card_surname_chars (void)
{
  return single_surnames;
}

gboolean
caiji_card_text_starts_with_surname (const char *name)
{
  gunichar first;
  char utf8[8] = { 0 };

  if (name == NULL || *name == '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    if (g_str_has_prefix (name, compound_surnames[i]))
      return TRUE;
  first = g_utf8_get_char (name);
  g_unichar_to_utf8 (first, utf8);
  return strstr (single_surnames, utf8) != NULL;
}
