/* caiji-card-ocr.cpp: the Tesseract models, loaded once per handle
 *
 * Three engines: Debian's chi_sim for the card's Chinese text, eng for
 * the number with a 0-9X whitelist, and tessdata 4.0.0's chi_sim LSTM
 * (a model fetched like the face models) for the name.  Loading them
 * takes a good part of a second, so a handle is kept per thread rather
 * than per call.
 */
#include <time.h>

#include <tesseract/capi.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <opencv2/imgproc.hpp>

#include "caiji-card-private.h"
#include "caiji-card-text.h"
#include "caiji-models.h"

struct _CaijiCardOcr {
  TessBaseAPI *engines[CARD_OCR_N_MODELS];
};

G_DEFINE_QUARK (caiji-card-error-quark, caiji_card_error)

/* The name model (data/models/manifest.tsv).  Debian's chi_sim is
 * tessdata_fast's; on 400 synthetic fronts (eval-card seeds 27700000,
 * 31000000, 41000000, 52000000) the same six name views read the name
 * exactly 390 times with this one and 374 with Debian's: it tells apart
 * the characters Debian's model sees as others (磊 as 舌, 萱 as 营,
 * 蒋 as nothing).  For the other fields Debian's model was tuned on and
 * reads them fully, so it stays. */
#define CARD_NAME_MODEL_FILE "chi_sim_lstm400.traineddata"

/* @datapath NULL: TESSDATA_PREFIX, else Debian's tessdata. */
static TessBaseAPI *
load_engine (const char                *datapath,
             const char                *language,
             tesseract::OcrEngineMode   mode)
{
  TessBaseAPI *api = TessBaseAPICreate ();
  /* Names and numbers are not dictionary words; the dictionaries only
   * bias them toward common text.  These are load-time settings. */
  char names[2][20] = { "load_system_dawg", "load_freq_dawg" };
  char off[2][2] = { "0", "0" };
  char *vars[2] = { names[0], names[1] };
  char *values[2] = { off[0], off[1] };

  if (TessBaseAPIInit4 (api, datapath, language, mode, NULL, 0, vars, values, 2, FALSE) != 0)
    {
      TessBaseAPIDelete (api);
      return NULL;
    }
  return api;
}

/* The name model from the verified model directory; Tesseract wants its
 * directory and the file name without .traineddata as the language. */
static TessBaseAPI *
load_name_engine (GError **error)
{
  g_autofree char *path = caiji_model_path (CARD_NAME_MODEL_FILE, error);
  g_autofree char *directory = NULL;
  g_autofree char *language = NULL;
  TessBaseAPI *api;

  if (path == NULL)
    return NULL;
  directory = g_path_get_dirname (path);
  language = g_strndup (CARD_NAME_MODEL_FILE, strlen (CARD_NAME_MODEL_FILE) - strlen (".traineddata"));
  api = load_engine (directory, language, tesseract::OEM_LSTM_ONLY);
  if (api == NULL)
    g_set_error (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_OCR_UNAVAILABLE,
                 "Tesseract could not load the name model %s.", path);
  return api;
}

CaijiCardOcr *
caiji_card_ocr_new (GError **error)
{
  CaijiCardOcr *ocr = g_new0 (CaijiCardOcr, 1);

  ocr->engines[CARD_OCR_CHINESE] = load_engine (NULL, "chi_sim", tesseract::OEM_DEFAULT);
  ocr->engines[CARD_OCR_LATIN] = load_engine (NULL, "eng", tesseract::OEM_DEFAULT);
  if (ocr->engines[CARD_OCR_CHINESE] == NULL || ocr->engines[CARD_OCR_LATIN] == NULL)
    {
      caiji_card_ocr_free (ocr);
      /* An installation fault for the operator, not a candidate prompt. */
      g_set_error_literal (error, CAIJI_CARD_ERROR, CAIJI_CARD_ERROR_OCR_UNAVAILABLE,
                           "Text recognition is not installed (Tesseract with chi_sim and eng data).");
      return NULL;
    }
  ocr->engines[CARD_OCR_NAME] = load_name_engine (error);
  if (ocr->engines[CARD_OCR_NAME] == NULL)
    {
      caiji_card_ocr_free (ocr);
      return NULL;
    }
  return ocr;
}

static GPrivate thread_ocr = G_PRIVATE_INIT ((GDestroyNotify) caiji_card_ocr_free);

CaijiCardOcr *
caiji_card_ocr_get_for_thread (GError **error)
{
  CaijiCardOcr *ocr = (CaijiCardOcr *) g_private_get (&thread_ocr);

  if (ocr == NULL)
    {
      ocr = caiji_card_ocr_new (error);
      if (ocr != NULL)
        g_private_set (&thread_ocr, ocr);
    }
  return ocr;
}

void
caiji_card_ocr_free (CaijiCardOcr *ocr)
{
  if (ocr == NULL)
    return;
  for (TessBaseAPI *api : ocr->engines)
    if (api != NULL)
      {
        TessBaseAPIEnd (api);
        TessBaseAPIDelete (api);
      }
  g_free (ocr);
}

/* Tesseract's LSTM spreads each line over up to four OpenMP threads.
 * For a card's short boxes the threads spin more than they work: on the
 * shared two-core kiosk a front read in 548 ms with them and 258 ms
 * without (eval-card, seed 1000).  The card pipeline is already run one
 * card per worker thread, so no parallel region here: a setting of the
 * calling thread, hence made on every call. */
static void
run_on_this_thread_only (void)
{
#ifdef _OPENMP
  omp_set_max_active_levels (0);
#endif
}

static void
set_image (TessBaseAPI   *api,
           const cv::Mat &grey,
           int            psm,
           const char    *whitelist)
{
  run_on_this_thread_only ();
  TessBaseAPISetPageSegMode (api, (TessPageSegMode) psm);
  TessBaseAPISetVariable (api, "tessedit_char_whitelist", whitelist != NULL ? whitelist : "");
  TessBaseAPISetImage (api, grey.data, grey.cols, grey.rows, 1, (int) grey.step);
  /* The card is printed at about 300 dpi-equivalent text heights here;
   * saying so stops Tesseract guessing (and warning) per crop. */
  TessBaseAPISetSourceResolution (api, 300);
}

static gint64
thread_cpu_ns (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_GINT64_CONSTANT (1000000000) + now.tv_nsec;
}

static bool
over_budget (void *started_ns,
             int   words)
{
  return thread_cpu_ns () - *(gint64 *) started_ns > (gint64) CARD_OCR_BUDGET_MS * 1000000;
}

/* Dense print (a page held up as a card) can keep Tesseract busy for
 * seconds on one box; a card's few words never need that long.  The
 * budget is this thread's CPU time, not wall time: on a busy kiosk a
 * wall-clock deadline cut readings short that an idle machine finished,
 * and a good card was refused (eval-card seed 17320509 under a parallel
 * CI run).  Returns FALSE when the box was not read. */
static gboolean
recognise_within_budget (TessBaseAPI *api)
{
  ETEXT_DESC *monitor = TessMonitorCreate ();
  gint64 started_ns = thread_cpu_ns ();
  gboolean read;

  TessMonitorSetCancelFunc (monitor, over_budget);
  TessMonitorSetCancelThis (monitor, &started_ns);
  read = TessBaseAPIRecognize (api, monitor) == 0;
  TessMonitorDelete (monitor);
  return read;
}

static const char *const model_names[CARD_OCR_N_MODELS] = { "chi_sim", "eng", "name" };

static std::string
recognise (CaijiCardOcr  *ocr,
           CardOcrModel   model,
           const cv::Mat &grey,
           int            psm,
           const char    *whitelist,
           int           *confidence)
{
  TessBaseAPI *api = ocr->engines[model];
  cv::Mat continuous = grey.isContinuous () ? grey : grey.clone ();
  char *text;
  std::string out;

  set_image (api, continuous, psm, whitelist);
  text = recognise_within_budget (api) ? TessBaseAPIGetUTF8Text (api) : NULL;
  if (text != NULL)
    out = text;
  if (confidence != NULL)
    *confidence = text != NULL ? TessBaseAPIMeanTextConf (api) : 0;
  g_debug ("OCR %s %dx%d: %s", model_names[model], grey.cols, grey.rows, out.c_str ());
  TessDeleteText (text);
  TessBaseAPIClear (api);
  return out;
}

/* Each recognised character with its confidence (0-100), in reading order. */
static void
collect_symbols (TessBaseAPI *api, std::vector<CardOcrSymbol> &symbols)
{
  TessResultIterator *it = TessBaseAPIGetIterator (api);

  if (it == NULL)
    return;
  do
    {
      char *text = TessResultIteratorGetUTF8Text (it, tesseract::RIL_SYMBOL);

      if (text != NULL)
        symbols.push_back ({ text, TessResultIteratorConfidence (it, tesseract::RIL_SYMBOL) });
      TessDeleteText (text);
    }
  while (TessResultIteratorNext (it, tesseract::RIL_SYMBOL));
  TessResultIteratorDelete (it);
}

std::vector<CardOcrSymbol>
caiji_card_ocr_symbols (CaijiCardOcr  *ocr,
                        CardOcrModel   model,
                        const cv::Mat &grey,
                        int            psm,
                        const char    *whitelist)
{
  TessBaseAPI *api = ocr->engines[model];
  cv::Mat continuous = grey.isContinuous () ? grey : grey.clone ();
  std::vector<CardOcrSymbol> symbols;

  set_image (api, continuous, psm, whitelist);
  if (recognise_within_budget (api))
    collect_symbols (api, symbols);
  TessBaseAPIClear (api);
  return symbols;
}

std::string
caiji_card_ocr_text (CaijiCardOcr  *ocr,
                     CardOcrModel   model,
                     const cv::Mat &grey,
                     int            psm,
                     const char    *whitelist)
{
  return recognise (ocr, model, grey, psm, whitelist, NULL);
}

std::string
caiji_card_ocr_text_confidence (CaijiCardOcr  *ocr,
                                CardOcrModel   model,
                                const cv::Mat &grey,
                                int            psm,
                                int           *confidence)
{
  return recognise (ocr, model, grey, psm, NULL, confidence);
}

cv::Mat
caiji_card_crop_grey (const cv::Mat      &card,
                      const CaijiCardBox &box)
{
  cv::Mat grey;

  cv::cvtColor (card (cv::Rect (box.x, box.y, box.width, box.height)), grey, cv::COLOR_BGR2GRAY);
  return grey;
}
