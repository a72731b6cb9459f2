/* card-synth-identity.c: random but valid identities for the synthetic cards
 *
 * Names are drawn from common surnames and given-name characters, so they
 * belong to nobody in particular; numbers follow GB 11643 with a real
 * area code, a possible birth date, the sex digit and the check character.
 */
#include "card-synth-identity.h"

#include "caiji-id-number.h"
#include "caiji-nations.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏",
  "欧阳", "司马",
};

static const char *const given_chars =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玉兰红燕鹏飞宇浩然"
  "子涵欣怡梓轩雨萱思远博文佳琪晨阳雪梅志强海燕春梅丹丹晓东凯乐嘉怡俊杰宏伟慧敏婷婷";

/* Area codes with the public security bureau that issues their cards. */
static const struct {
  const char *code;
  const char *place;
  const char *authority;
} areas[] = {
  { "110105", "北京市朝阳区", "北京市公安局朝阳分局" },
  { "110108", "北京市海淀区", "北京市公安局海淀分局" },
  { "310104", "上海市徐汇区", "上海市公安局徐汇分局" },
  { "440305", "广东省深圳市南山区", "深圳市公安局南山分局" },
  { "320102", "江苏省南京市玄武区", "南京市公安局玄武分局" },
  { "510107", "四川省成都市武侯区", "成都市公安局武侯区分局" },
  { "420111", "湖北省武汉市洪山区", "武汉市公安局洪山区分局" },
  { "330106", "浙江省杭州市西湖区", "杭州市公安局西湖区分局" },
  { "370102", "山东省济南市历下区", "济南市公安局历下区分局" },
  { "410105", "河南省郑州市金水区", "郑州市公安局金水分局" },
  { "610113", "陕西省西安市雁塔区", "西安市公安局雁塔分局" },
  { "530102", "云南省昆明市五华区", "昆明市公安局五华分局" },
};

static const char *const streets[] = {
  "人民路", "解放路", "中山路", "建设路", "和平街", "光明路", "长江路", "黄河路", "文化路", "新华街",
};

char *
card_synth_random_hanzi (GRand *rand,
                         guint  count)
{
  glong n = g_utf8_strlen (given_chars, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    {
      const char *start = g_utf8_offset_to_pointer (given_chars, g_rand_int_range (rand, 0, (gint32) n));

      g_string_append_len (out, start, g_utf8_next_char (start) - start);
    }
  return g_string_free (out, FALSE);
}

static char *
random_name (GRand *rand)
{
  const char *surname = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
  g_autofree char *given = card_synth_random_hanzi (rand, g_rand_int_range (rand, 0, 4) == 0 ? 1 : 2);

  return g_strconcat (surname, given, NULL);
}

static const char *
random_nation (GRand *rand)
{
  /* Mostly 汉, as on most cards, but every name must be readable. */
  if (g_rand_int_range (rand, 0, 3) != 0)
    return caiji_nation_name (1);
  return caiji_nation_name (g_rand_int_range (rand, 1, CAIJI_NATION_COUNT + 1));
}

static char *
random_number (GRand      *rand,
               const char *area,
               int         year,
               int         month,
               int         day,
               gboolean    male)
{
  int sequence = g_rand_int_range (rand, 0, 500) * 2 + (male ? 1 : 0);
  char first17[18];

  g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d", area, year, month, day, sequence);
  return g_strdup_printf ("%s%c", first17, caiji_id_number_check_char (first17));
}

/* GB 11643 validity terms: 5 years under 16, 10 to 25, 20 to 45, then 长期. */
static void
random_validity (GRand            *rand,
                 int               birth_year,
                 CaijiCardReading *back)
{
  int year = g_rand_int_range (rand, MAX (birth_year + 1, 2006), 2025);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);
  int age = year - birth_year;
  int years = age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : 0;

  back->valid_from = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  back->valid_to = years == 0 ? g_strdup ("长期")
                              : g_strdup_printf ("%04d-%02d-%02d", year + years, month, day);
}

void
card_synth_identity_new (GRand             *rand,
                         CaijiCardReading **front,
                         CaijiCardReading **back)
{
  guint area = g_rand_int_range (rand, 0, G_N_ELEMENTS (areas));
  int year = g_rand_int_range (rand, 1950, 2009);
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);
  gboolean male = g_rand_boolean (rand);
  CaijiCardReading *f = caiji_card_reading_new (CAIJI_CARD_SIDE_FRONT);
  CaijiCardReading *b = caiji_card_reading_new (CAIJI_CARD_SIDE_BACK);

  f->name = random_name (rand);
  f->sex = g_strdup (male ? "男" : "女");
  f->nation = g_strdup (random_nation (rand));
  f->birth = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  f->address = g_strdup_printf ("%s%s%d号%d栋%d室", areas[area].place,
                                streets[g_rand_int_range (rand, 0, G_N_ELEMENTS (streets))],
                                g_rand_int_range (rand, 1, 300), g_rand_int_range (rand, 1, 30),
                                g_rand_int_range (rand, 101, 2400));
  f->id_number = random_number (rand, areas[area].code, year, month, day, male);
  b->authority = g_strdup (areas[area].authority);
  random_validity (rand, year, b);
  *front = f;
  *back = b;
}
