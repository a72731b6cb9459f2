/* test-texts.c: the zh_CN wording of every prompt and button is the seed's
 *
 * Two checks: each zh_CN translation equals the seed's text as written
 * here, and where the seed document prints that text verbatim, it really
 * is in ../shared/seed (so a typo in this table cannot hide a typo in
 * po/zh_CN.po).
 */
#include "caiji-config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "caiji-record.h"
#include "caiji-test-utils.h"
#include "caiji-texts.h"

#define SEED_FILE "seed/000_bf48b6c9720addea.txt"

static const struct {
  CaijiText   text;
  const char *zh_cn;
  gboolean    verbatim_in_seed;
} seed_texts[] = {
  { CAIJI_TEXT_CONFIRM, "确认", TRUE },
  { CAIJI_TEXT_REQUEST_CORRECTION, "申请复核", TRUE },
  { CAIJI_TEXT_START_CAPTURE, "我已知晓,开始采集", TRUE },
  { CAIJI_TEXT_PREVIOUS, "上一步", TRUE },
  { CAIJI_TEXT_NEXT, "下一步", TRUE },
  { CAIJI_TEXT_HOME, "首页", TRUE },
  { CAIJI_TEXT_BACK_HOME, "回到首页", TRUE },
  { CAIJI_TEXT_TAP_TO_UPLOAD, "点击上传", FALSE },
  { CAIJI_TEXT_UPLOAD_ID_PHOTO, "上传个人证件照", TRUE },
  { CAIJI_TEXT_UPLOAD_AGAIN, "重新上传", TRUE },
  { CAIJI_TEXT_RETRY_RECOGNITION, "重新识别", TRUE },
  { CAIJI_TEXT_START_RECOGNITION, "开始识别", TRUE },
  { CAIJI_TEXT_PHOTO_FOR_REVIEW, "拍照审核", TRUE },
  { CAIJI_TEXT_RETAKE, "重拍", TRUE },
  { CAIJI_TEXT_SUBMIT_FOR_REVIEW, "提交审核", TRUE },
  { CAIJI_TEXT_PHOTO_CAPTURE, "照片采集", TRUE },
  { CAIJI_TEXT_STEP_CARD, "证件识别", TRUE },
  { CAIJI_TEXT_STEP_PHOTO, "照片识别", TRUE },
  { CAIJI_TEXT_STEP_FACE, "人脸识别", TRUE },
  { CAIJI_TEXT_STUDENT_INFO_REVIEW, "学生信息复核", TRUE },
  { CAIJI_TEXT_NOTES, "注意事项", TRUE },
  { CAIJI_TEXT_KIND_TIPS, "温馨提示", TRUE },
  { CAIJI_TEXT_SHOOTING_TIPS, "拍摄须知", TRUE },
  { CAIJI_TEXT_ID_PHOTO, "个人证件照", TRUE },
  { CAIJI_TEXT_FACE_PHOTO, "人脸照片", TRUE },
  /* The seed prints these two only inside a sentence with a typo
   * ("请上传身份证人像,或…"); the issue fixes their exact wording. */
  { CAIJI_TEXT_FRONT_MISSING, "请先上传身份证人像面", TRUE },
  { CAIJI_TEXT_BACK_MISSING, "请先上传身份证国徽面", FALSE },
  { CAIJI_TEXT_FRONT_REFUSED, "请上传身份证人像面", FALSE },
  { CAIJI_TEXT_BACK_REFUSED, "请上传身份证国徽面", TRUE },
  { CAIJI_TEXT_CARD_AUTOFILL_HINT, "上传证件照片后自动识别生成", FALSE },
  { CAIJI_TEXT_TIP_STANDARD, "标准", TRUE },
  { CAIJI_TEXT_TIP_BORDER_MISSING, "边框缺失", TRUE },
  { CAIJI_TEXT_TIP_BLURRY, "照片模糊", TRUE },
  { CAIJI_TEXT_TIP_GLARE, "闪光强烈", TRUE },
  { CAIJI_TEXT_PHOTO_MISSING, "请先上传证件照", TRUE },
  { CAIJI_TEXT_NO_FACE, "未识别到人脸", TRUE },
  { CAIJI_TEXT_FACE_DETECTED, "检测人脸图像如图", TRUE },
  { CAIJI_TEXT_FACE_PASSED, "识别通过,完成照片采集", TRUE },
  { CAIJI_TEXT_FACE_FAILED, "人脸识别不通过", TRUE },
  { CAIJI_TEXT_REVIEW_PHOTO_SHOWN, "人脸采集照片如图", TRUE },
  { CAIJI_TEXT_TIP_GLASSES, "带眼镜", TRUE },
  { CAIJI_TEXT_TIP_HAT, "戴帽子", TRUE },
  { CAIJI_TEXT_TIP_TOO_DARK, "光线太暗", TRUE },
  { CAIJI_TEXT_PAYMENT_AFTER_APPROVAL, "报名审核通过后,才能进行网上缴费,请注意状态提示。", TRUE },
  { CAIJI_TEXT_PAYMENT_REJECTED, "报名信息审核不通过的考生不能进行网上缴费。", TRUE },
};

/* The seed's OCR breaks lines and pads with spaces; compare without them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
test_translations_are_the_seed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_texts); i++)
    {
      g_test_message ("%s", caiji_text_msgid (seed_texts[i].text));
      g_assert_cmpstr (caiji_text (seed_texts[i].text), ==, seed_texts[i].zh_cn);
    }
}

static void
test_seed_contains_them (void)
{
  g_autofree char *path = caiji_test_shared_path (SEED_FILE);
  g_autofree char *contents = NULL;
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  seed = squeeze (contents);

  for (guint i = 0; i < G_N_ELEMENTS (seed_texts); i++)
    if (seed_texts[i].verbatim_in_seed)
      {
        g_test_message ("looking for %s", seed_texts[i].zh_cn);
        g_assert_nonnull (strstr (seed, seed_texts[i].zh_cn));
      }
}

static void
test_every_text_translated (void)
{
  for (CaijiText text = 0; text < CAIJI_TEXT_N_TEXTS; text++)
    {
      g_test_message ("%s", caiji_text_msgid (text));
      g_assert_cmpstr (caiji_text (text), !=, caiji_text_msgid (text));
    }
}

static void
test_payment_text_per_status (void)
{
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_PENDING_REVIEW), ==,
                   "报名审核通过后,才能进行网上缴费,请注意状态提示。");
  g_assert_cmpstr (caiji_record_status_payment_text (CAIJI_RECORD_REJECTED), ==,
                   "报名信息审核不通过的考生不能进行网上缴费。");
}

int
main (int   argc,
      char *argv[])
{
  /* C.UTF-8 honours LANGUAGE (plain C does not) and exists everywhere. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/texts/translations-are-the-seed", test_translations_are_the_seed);
  g_test_add_func ("/texts/seed-contains-them", test_seed_contains_them);
  g_test_add_func ("/texts/every-text-translated", test_every_text_translated);
  g_test_add_func ("/texts/payment-text-per-status", test_payment_text_per_status);

  return g_test_run ();
}
